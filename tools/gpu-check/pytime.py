"""The same TorchScript file timed in the image's own torch on the GPU, for comparison with the Java figures."""
import sys
import time

import numpy as np
import torch

model = torch.jit.load(sys.argv[1], map_location=sys.argv[3] if len(sys.argv) > 3 else "cuda").eval()
dev = sys.argv[3] if len(sys.argv) > 3 else "cuda"
x = torch.from_numpy(np.load(sys.argv[2])["val-000003"]).to(dev)[None]
with torch.no_grad():
    for batch in (1, 8, 32):
        xb = x.repeat(batch, 1, 1, 1)
        for _ in range(10):
            model(xb)["out"].argmax(1).to(torch.uint8).cpu()
        n = max(10, 400 // batch)
        start = time.perf_counter()
        for _ in range(n):
            model(xb)["out"].argmax(1).to(torch.uint8).cpu()
        s = time.perf_counter() - start
        print(f"python torch {torch.__version__} GPU batch {batch} (argmax on GPU, mask to host): {n * batch / s:.1f} frames/s")
