"""Writes the GPU check's inputs: the 320x240 parity fixtures preprocessed as SegmentationTranslator does, their
reference masks, and one letterboxed detector input."""
import glob
import os
import sys

import cv2
import numpy as np

src, out = sys.argv[1], sys.argv[2]
mean = np.array([0.485, 0.456, 0.406], np.float32)
std = np.array([0.229, 0.224, 0.225], np.float32)
inputs, masks = {}, {}
for jpg in sorted(glob.glob(os.path.join(src, "val-*.jpg"))):
    bgr = cv2.imread(jpg, cv2.IMREAD_COLOR)
    if bgr.shape[:2] != (240, 320):
        continue
    name = os.path.basename(jpg)[:-4]
    rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB).astype(np.float32) / 255
    inputs[name] = np.ascontiguousarray(((rgb - mean) / std).transpose(2, 0, 1))
    masks[name] = cv2.imread(jpg[:-4] + ".mask.png", cv2.IMREAD_UNCHANGED)
np.savez(os.path.join(out, "inputs.npz"), **inputs)
np.savez(os.path.join(out, "masks.npz"), **masks)
bgr = cv2.imread(os.path.join(src, "val-000003.jpg"), cv2.IMREAD_COLOR)
canvas = np.full((320, 320, 3), 114, np.uint8)
canvas[40:280] = bgr
x = cv2.cvtColor(canvas, cv2.COLOR_BGR2RGB).astype(np.float32).transpose(2, 0, 1)[None] / 255
np.savez(os.path.join(out, "det.npz"), x=np.ascontiguousarray(x))
print("prepared", len(inputs), "fixtures")
