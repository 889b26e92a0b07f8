#!/usr/bin/env bash
# Install the Debian packages the project needs, if they are missing.
#
#   scripts/setup-system.sh build    what building the site needs: Python's venv
#                                    module (python3-venv, unless $PYTHON has it
#                                    already) and Pango for WeasyPrint (PDF
#                                    documents). No fonts: the PDFs use only the
#                                    fonts the project ships.
#   scripts/setup-system.sh checks   what the tests and quality gates need:
#                                    Chromium and its driver (accessibility in a
#                                    real browser), a Java runtime (Nu HTML
#                                    Checker), npm, LibreOffice Writer (opens
#                                    every DOCX and ODT), poppler-utils (pdfinfo,
#                                    pdffonts) and the font packages that
#                                    tests/test_pdf_fonts.py offers the PDF
#                                    renderer to prove it ignores them
#
# Nothing is downloaded from anywhere but Debian's archive.
set -euo pipefail

build=(python3-venv libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
checks=(chromium chromium-driver default-jre-headless npm libreoffice-writer-nogui poppler-utils
        fonts-liberation fonts-liberation2 fonts-dejavu-core)

wanted=()
for group in "$@"; do
  case "$group" in
    build) wanted+=("${build[@]}") ;;
    checks) wanted+=("${build[@]}" "${checks[@]}") ;;
    *) echo "usage: $0 build|checks" >&2; exit 2 ;;
  esac
done
[ ${#wanted[@]} -gt 0 ] || { echo "usage: $0 build|checks" >&2; exit 2; }

installed() {
  # A Python from python.org or a python:3.x image has venv built in; Debian's needs python3-venv
  if [ "$1" = python3-venv ]; then "${PYTHON:-python3}" -c "import venv, ensurepip" >/dev/null 2>&1; return; fi
  # npm may come from Node's own installer rather than Debian's package
  if [ "$1" = npm ]; then command -v npm >/dev/null 2>&1; return; fi
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

missing=()
for package in "${wanted[@]}"; do
  installed "$package" || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present (${*})"
  exit 0
fi

echo "system packages: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "error: ${missing[*]} missing and not running as root; install them with apt-get" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
