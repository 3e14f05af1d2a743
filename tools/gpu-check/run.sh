#!/bin/bash
# The GPU check, run from .gpu/ (tools/gpu-check/build.sh) on a machine with an NVIDIA GPU and a CUDA PyTorch
# for python3 but no Java: DJL's cu128 JNI library on that PyTorch's libtorch, through the worker's
# InferenceDevice. Output goes to $OUT/log.txt (OUT defaults to /tmp).
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp}
exec > >(tee "$OUT/log.txt") 2>&1
G=$PWD/.gpu
JNI_FLAVOR=${JNI_FLAVOR:-cu128}
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv
nproc
echo "java on the machine: $(command -v java || echo none)"
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, torch.cuda.is_available(), torch.cuda.device_count())'
TLIB=${TLIB:-$(python3 -c 'import torch,os; print(os.path.join(os.path.dirname(torch.__file__),"lib"))')}
ls "$TLIB"
ldconfig -p | grep -i cudart
CUDARTS=$(find /usr /opt /lib /lib64 -path '*site-packages*' -prune -o -name 'libcudart.so*' -print 2>/dev/null)
echo "libcudart outside site-packages: $CUDARTS"
mkdir -p /tmp/jre && tar -C /tmp/jre -xJf "$G/jre17.tar.xz" && JAVA=/tmp/jre/jre17/bin/java && $JAVA -version
if [ ! -f "$TLIB/libdjl_torch.so" ]; then
  echo "=== the worker's version check, DJL left to take pytorch-jni's own JNI library"
  PYTORCH_LIBRARY_PATH="$TLIB" PYTORCH_FLAVOR=cu128 timeout 60 "$JAVA" -Dai.djl.offline=true -cp "$G/lib/*" GpuCheck engine
  echo "rc $?"
fi
export PYTORCH_VERSION=${PYTORCH_VERSION:-2.11.0} PYTORCH_FLAVOR=${PYTORCH_FLAVOR:-cu130}
if [ ! -f "$TLIB/libdjl_torch.so" ]; then
  python3 -c "import glob, zipfile; zipfile.ZipFile(glob.glob('$G/lib/pytorch-jni-*.jar')[0]).extract('jnilib/linux-x86_64/$JNI_FLAVOR/libdjl_torch.so', '/tmp/jni')"
  # DJL looks in the libtorch folder first, then in its cache: the folder may be read-only.
  cp "/tmp/jni/jnilib/linux-x86_64/$JNI_FLAVOR/libdjl_torch.so" "$TLIB/" || true
  CACHE="${DJL_CACHE_DIR:-$HOME/.djl.ai}/pytorch/$PYTORCH_VERSION-$PYTORCH_FLAVOR-linux-x86_64"
  mkdir -p "$CACHE" && cp "/tmp/jni/jnilib/linux-x86_64/$JNI_FLAVOR/libdjl_torch.so" "$CACHE/0.36.0-libdjl_torch.so"
fi
[ -f "$G/jni-undefined.txt" ] && timeout 60 python3 "$G/symcheck.py" "$TLIB" "$G/jni-undefined.txt" | head -60
mkdir -p /tmp/in && python3 "$G/prep.py" segmenter-worker/src/test/resources/parity /tmp/in
export PYTORCH_LIBRARY_PATH="$TLIB"
J=("$JAVA" -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.log.ai.djl.pytorch.jni.LibUtils=debug -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda=debug -cp "$G/lib/*" GpuCheck)
echo "=== engine"; timeout 120 "${J[@]}" engine; echo "rc $?"
echo "=== engine, driver only (every libcudart outside torch's own packages hidden)"
timeout 120 unshare -m "$G/driver-only.sh" "$CUDARTS" "${J[@]}" engine; echo "rc $?"
echo "=== segmentation"
timeout 200 "${J[@]}" seg models/deeplabv3_mobilenet_v3_large.pt /tmp/in/inputs.npz /tmp/in/masks.npz; echo "rc $?"
echo "=== detection"; timeout 120 "${J[@]}" det models/yolo_synthetic.pt /tmp/in/det.npz; echo "rc $?"
echo "=== python"; timeout 120 python3 "$G/pytime.py" models/deeplabv3_mobilenet_v3_large.pt /tmp/in/inputs.npz; echo "rc $?"
