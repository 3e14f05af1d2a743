#!/usr/bin/env bash
# Assembles .gpu/ for run.sh: a small JRE, the worker's jar with DJL's (CUDA JNI library only) and the
# check itself, about 16 MB, so that it travels with the repository (47 MB, the models most of it)
# under a 64 MiB limit to a GPU machine that has a CUDA PyTorch but no Java. Add /.gpu/ to
# .git/info/exclude first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/tools/gpu-check"
OUT="$ROOT/.gpu"
LIB="$ROOT/segmenter-worker/target/lib"
[ -d "$LIB" ] || (cd "$ROOT" && ./mvnw -q -B -Dmaven.test.skip=true package)
rm -rf "$OUT"
mkdir -p "$OUT/lib" "$OUT/build"
jlink --add-modules java.base,java.logging,jdk.unsupported,java.management --strip-debug --no-header-files \
    --no-man-pages --output "$OUT/build/jre17"
tar -C "$OUT/build" -cf - jre17 | xz -9 -T0 > "$OUT/jre17.tar.xz"
for jar in api pytorch-engine pytorch-jni gson jna slf4j-api commons-compress schemas; do
  cp "$LIB/$jar"-[0-9]*.jar "$OUT/lib/"
done
cp "$ROOT"/segmenter-worker/target/segmenter-worker-*.jar "$OUT/lib/"
(cd "$ROOT" && ./mvnw -q -B dependency:copy -Dartifact=org.slf4j:slf4j-simple:2.0.17 -DoutputDirectory="$OUT/lib")
python3 "$HERE/slim.py" "$OUT"/lib/pytorch-jni-*.jar '^jnilib/(?!pytorch\.properties|linux-x86_64/cu)'
python3 "$HERE/slim.py" "$OUT"/lib/jna-*.jar '^com/sun/jna/(?!linux-x86-64/)[^/]+/.*jnidispatch'
javac -d "$OUT/build/classes" -cp "$OUT/lib/*" "$HERE/GpuCheck.java"
jar cf "$OUT/lib/gpucheck.jar" -C "$OUT/build/classes" .
if command -v nm >/dev/null; then
  python3 -c "import zipfile, glob; zipfile.ZipFile(glob.glob('$OUT/lib/pytorch-jni-*.jar')[0]).extract(
      'jnilib/linux-x86_64/cu128/libdjl_torch.so', '$OUT/build')"
  nm -D --undefined-only "$OUT/build/jnilib/linux-x86_64/cu128/libdjl_torch.so" | awk '$1 == "U" {print $2}' \
      | grep -v '@' > "$OUT/jni-undefined.txt"
fi
cp "$HERE"/run.sh "$HERE"/driver-only.sh "$HERE"/prep.py "$HERE"/symcheck.py "$HERE"/pytime.py "$OUT/"
rm -rf "$OUT/build"
du -sh "$OUT"
