#!/usr/bin/env python3
"""The seed-style Python loop that `./vision bench` compares the Java pipeline against.

One process, one thread of control: JPEG decode (OpenCV, else PIL), RGB, resize to the model
input, ImageNet normalisation, TorchScript forward (on the CPU, or a GPU with --device cuda:N), argmax,
nearest resize back, and a palette overlay alpha-blended onto the frame. Prints one JSON line with the frames per second.
Exit status 3 when torch is not installed.
"""
import argparse
import json
import os
import sys
import time

MEAN = (0.485, 0.456, 0.406)
STD = (0.229, 0.224, 0.225)


def voc_palette(n):
    palette = []
    for i in range(n):
        r = g = b = 0
        c = i
        for j in range(8):
            r |= ((c >> 0) & 1) << (7 - j)
            g |= ((c >> 1) & 1) << (7 - j)
            b |= ((c >> 2) & 1) << (7 - j)
            c >>= 3
        palette.append((r, g, b))
    return palette


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", required=True)
    parser.add_argument("--frames", required=True, help="folder of .jpg frames, looped over in name order")
    parser.add_argument("--count", type=int, default=0, help="frames to time (default: each file once)")
    parser.add_argument("--width", type=int, default=320, help="model input width")
    parser.add_argument("--height", type=int, default=240, help="model input height")
    parser.add_argument("--classes", type=int, default=21)
    parser.add_argument("--threads", type=int, default=0, help="torch intra-op threads, 0 = all cores")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--device", default="cpu", help="torch device of the model: cpu or cuda:N")
    args = parser.parse_args()

    try:
        import numpy as np
        import torch
    except ImportError as error:
        print(json.dumps({"error": "torch not available: %s" % error}))
        sys.exit(3)
    try:
        import cv2
        decoder = "opencv"
    except ImportError:
        cv2 = None
        from PIL import Image
        import io
        decoder = "pil"

    torch.set_num_threads(args.threads if args.threads > 0 else os.cpu_count())
    device = torch.device(args.device)
    model = torch.jit.load(args.model, map_location=device).eval()
    files = sorted(os.path.join(args.frames, f) for f in os.listdir(args.frames) if f.endswith(".jpg"))
    if not files:
        print(json.dumps({"error": "no .jpg frames in %s" % args.frames}))
        sys.exit(2)
    blobs = [open(f, "rb").read() for f in files]
    count = args.count if args.count > 0 else len(blobs)
    palette = np.array(voc_palette(args.classes), dtype=np.uint8)
    mean = np.array(MEAN, dtype=np.float32)
    std = np.array(STD, dtype=np.float32)

    def one(blob):
        if cv2 is not None:
            bgr = cv2.imdecode(np.frombuffer(blob, np.uint8), cv2.IMREAD_COLOR)
            rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
            small = cv2.resize(rgb, (args.width, args.height), interpolation=cv2.INTER_LINEAR)
        else:
            image = Image.open(io.BytesIO(blob)).convert("RGB")
            rgb = np.asarray(image)
            small = np.asarray(image.resize((args.width, args.height), Image.BILINEAR))
        x = (small.astype(np.float32) / 255.0 - mean) / std
        tensor = torch.from_numpy(x.transpose(2, 0, 1).copy()).unsqueeze(0).to(device)
        with torch.no_grad():
            out = model(tensor)
        logits = out["out"] if isinstance(out, dict) else out
        mask = logits[0].argmax(0).to(torch.uint8).cpu().numpy()
        h, w = rgb.shape[:2]
        if cv2 is not None:
            mask = cv2.resize(mask, (w, h), interpolation=cv2.INTER_NEAREST)
        else:
            mask = np.asarray(Image.fromarray(mask).resize((w, h), Image.NEAREST))
        colour = palette[np.minimum(mask, args.classes - 1)]
        return (rgb.astype(np.uint16) + colour) // 2

    for i in range(args.warmup):
        one(blobs[i % len(blobs)])
    started = time.perf_counter()
    for i in range(count):
        one(blobs[i % len(blobs)])
    seconds = time.perf_counter() - started
    print(json.dumps({"fps": count / seconds, "frames": count, "seconds": seconds, "decoder": decoder,
                      "torch": torch.__version__, "threads": torch.get_num_threads(), "device": str(device)}))


if __name__ == "__main__":
    main()
