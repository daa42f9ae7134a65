#!/usr/bin/env bash
# The Maven Central (Central Portal) bundle of a release folder: the jar, sources and
# javadoc jars and the pom of io.imgsign:imgsign (and, when present, the AAR and pom of
# io.imgsign:imgsign-android) in Maven's repository layout, each with .md5 and .sha1, and
# with --sign a detached GPG signature (.asc; the key comes from the environment's
# keyring). With --upload, the bundle goes to the Central Portal's publisher API, using
# CENTRAL_TOKEN (base64 of "user:password" of a portal token), published automatically.
# Usage: bash scripts/dist/central-bundle.sh [--sign] [--upload] DIR   (writes DIR/central-bundle.zip)
set -euo pipefail
# shellcheck source=scripts/dist/common.sh
source "$(dirname "$0")/common.sh"

sign=0; upload=0
while [ $# -gt 1 ]; do
  case "$1" in
    --sign) sign=1 ;;
    --upload) upload=1 ;;
    *) die "central-bundle.sh: unknown argument $1" ;;
  esac
  shift
done
dir="${1:?usage: central-bundle.sh [--sign] [--upload] DIR}"
stage="$ROOT/build/central" && rm -rf "$stage"

add() {  # add ARTIFACT_ID FILE FINAL_NAME
  local to="$stage/io/imgsign/$1/$VERSION"
  mkdir -p "$to"
  cp "$2" "$to/$3"
}
add imgsign "$dir/imgsign-$VERSION.pom" "imgsign-$VERSION.pom"
for c in "" -sources -javadoc; do add imgsign "$dir/imgsign-$VERSION$c.jar" "imgsign-$VERSION$c.jar"; done
if [ -f "$dir/imgsign-android-$VERSION.aar" ]; then
  add imgsign-android "$dir/imgsign-android-$VERSION.aar" "imgsign-android-$VERSION.aar"
  add imgsign-android "$dir/imgsign-android-$VERSION.pom" "imgsign-android-$VERSION.pom"
  add imgsign-android "$dir/imgsign-android-$VERSION-sources.jar" "imgsign-android-$VERSION-sources.jar"
  # The same Kotlin API as the JVM jar's, so the same reference.
  add imgsign-android "$dir/imgsign-$VERSION-javadoc.jar" "imgsign-android-$VERSION-javadoc.jar"
fi

find "$stage" -type f | sort | while read -r f; do
  md5sum "$f" | cut -d' ' -f1 > "$f.md5"
  sha1sum "$f" | cut -d' ' -f1 > "$f.sha1"
  if [ "$sign" = 1 ]; then gpg --batch --yes --armor --detach-sign --output "$f.asc" "$f"; fi
done
rm -f "$dir/central-bundle.zip"
(cd "$stage" && zip -q -r "$dir/central-bundle.zip" io)
echo "central-bundle.zip: $(cd "$stage" && find . -type f | wc -l) files"
if [ "$upload" = 1 ]; then
  [ "$sign" = 1 ] || die "Maven Central takes signed bundles only: add --sign"
  : "${CENTRAL_TOKEN:?CENTRAL_TOKEN is not set}"
  curl --fail-with-body -sS -X POST \
    -H "Authorization: Bearer $CENTRAL_TOKEN" \
    -F "bundle=@$dir/central-bundle.zip" \
    "https://central.sonatype.com/api/v1/publisher/upload?name=imgsign-$VERSION&publishingType=AUTOMATIC"
  echo
fi
