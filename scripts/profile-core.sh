#!/usr/bin/env bash
# Instruction-count profile of each hot path of the core (valgrind's callgrind): per call,
# by area, beside the raw hash of the same bytes. Counts repeat exactly between runs, so
# they compare changes even on a busy machine. Not part of make test (part of make profile).
#   bash scripts/profile-core.sh [operation ...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v valgrind >/dev/null || { echo "profile-core: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
exe=$(cargo bench -q -p imgsign --bench hotpaths --no-run --message-format=json 2>/dev/null \
  | python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "hotpaths" and m.get("executable"):
        print(m["executable"])')
N=${ITERATIONS:-20000}
count() { python3 scripts/callgrind.py --iterations "$N" --top 0 -- "$exe" "$1" | sed -n 's/^.*: \([0-9,]*\) instructions per call.*/\1/p' | tr -d ,; }
md5_build=$(count raw_md5_build)
md5_sign=$(count raw_md5_sign)
hmac_sign=$(count raw_hmac_sha256_sign)
echo "raw hash of the signed bytes: md5 (build) $md5_build, md5 (sign) $md5_sign, hmac-sha256 (sign) $hmac_sign instructions"
ops=("$@")
[ ${#ops[@]} -gt 0 ] || ops=(build_url build_url_imgix_js sign_url_imgix sign_url_gumlet sign_url_pixta sign_url_imageboss verify_url verify_target srcset_fluid)
for op in "${ops[@]}"; do
  case $op in
    build_url*) floor=$md5_build ;;
    srcset_fluid) floor=$((md5_build * 31)) ;;
    *imageboss) floor=$hmac_sign ;;
    verify*) floor=$md5_build ;;
    *) floor=$md5_sign ;;
  esac
  python3 scripts/callgrind.py --iterations "$N" --floor "$floor" -- "$exe" "$op"
done
