#!/usr/bin/env python3
"""Writes the reference masks that the Java parity test compares against: for each JPEG in
--images, the class-index mask the TorchScript model gives with the worker's preprocessing done in
Python (decode, RGB, bilinear resize to the model input, /255, ImageNet mean/std, argmax, nearest
resize back to the image size). Run it again only when the bundled model changes:

    python3 models/make_parity_fixtures.py --model models/deeplabv3_mobilenet_v3_large.pt \
        --images segmenter-worker/src/test/resources/parity
"""
import argparse
import os

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True)
    parser.add_argument("--images", required=True)
    parser.add_argument("--input-width", type=int, default=320)
    parser.add_argument("--input-height", type=int, default=240)
    args = parser.parse_args()

    torch.set_num_threads(2)
    model = torch.jit.load(args.model).eval()
    for name in sorted(os.listdir(args.images)):
        if not name.endswith(".jpg"):
            continue
        rgb = Image.open(os.path.join(args.images, name)).convert("RGB")
        width, height = rgb.size
        pixels = torch.from_numpy(np.asarray(rgb, dtype=np.float32)).permute(2, 0, 1).unsqueeze(0)
        if (width, height) != (args.input_width, args.input_height):
            # OpenCV's INTER_LINEAR: half-pixel centres, no antialiasing, rounded back to 8 bits.
            pixels = F.interpolate(pixels, size=(args.input_height, args.input_width), mode="bilinear",
                                   align_corners=False).round().clamp(0, 255)
        x = (pixels[0].permute(1, 2, 0).numpy() / 255.0 - MEAN) / STD
        with torch.no_grad():
            logits = model(torch.from_numpy(x.astype(np.float32)).permute(2, 0, 1).unsqueeze(0).contiguous())["out"]
        mask = logits.argmax(1, keepdim=True).to(torch.uint8)
        if (width, height) != (args.input_width, args.input_height):
            mask = F.interpolate(mask.float(), size=(height, width), mode="nearest").to(torch.uint8)
        out = os.path.join(args.images, os.path.splitext(name)[0] + ".mask.png")
        Image.fromarray(mask[0, 0].numpy()).save(out)
        print(out, np.bincount(mask.numpy().ravel(), minlength=21).nonzero()[0].tolist())


if __name__ == "__main__":
    main()
