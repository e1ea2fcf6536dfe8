#!/bin/sh
# A wheel built from this checkout, installed (not editable) into a new environment and run
# from another folder, builds corpus/ into as many claims as the editable install does.
# Usage: sh scripts/check-wheel.sh   (needs the package registries; about a minute)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$here" archive HEAD | tar -x -C "$work" --one-top-level=src && python3 -m pip wheel --quiet --no-deps -w "$work/wheel" "$work/src"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "$work"/wheel/*.whl
"$work/venv/bin/pip" install --quiet --disable-pip-version-check --no-deps --require-hashes \
    -r "$here/requirements-models.txt"
cd "$work"
# the summary goes to the console's stream: read the counts from each build's report
claims() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['claims'])" "$1/build-report.json"; }
"$work/venv/bin/plangraph" build "$here/corpus" --out "$work/out" >/dev/null 2>&1
"$here/.venv/bin/plangraph" build "$here/corpus" --out "$work/out-editable" --no-cache >/dev/null 2>&1
wheel_claims=$(claims "$work/out")
editable_claims=$(claims "$work/out-editable")
echo "wheel: $wheel_claims claims, editable: $editable_claims claims"
[ "$wheel_claims" = "$editable_claims" ] && [ "$wheel_claims" -gt 0 ]
