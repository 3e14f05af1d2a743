"""Which of the DJL JNI library's undefined symbols the given libtorch does not define."""
import ctypes
import os
import sys

lib = sys.argv[1]
for name in ["libc10.so", "libtorch_cpu.so", "libc10_cuda.so", "libtorch_cuda.so", "libtorch.so"]:
    ctypes.CDLL(os.path.join(lib, name), mode=ctypes.RTLD_GLOBAL)
scope = ctypes.CDLL(None)
missing = [s for s in open(sys.argv[2]).read().split() if not hasattr(scope, s)]
print(f"JNI symbols missing from this libtorch: {len(missing)} of {len(open(sys.argv[2]).read().split())}")
for s in missing:
    print("  missing", s)
