#!/usr/bin/env python3
"""Writes bench/trivial_segmenter.pt: a 1x1 convolution with the bundled segmenter's layout.

Input [N, 3, H, W] float, output {"out": [N, 21, H, W]} like torchvision's segmentation models,
so the worker runs it unchanged. `./vision bench` uses it to measure everything that is not
inference (Kafka, decode, pre- and post-processing, result encoding).
"""
import argparse
from typing import Dict

import torch


class Trivial(torch.nn.Module):
    def __init__(self, classes: int):
        super().__init__()
        self.head = torch.nn.Conv2d(3, classes, kernel_size=1)

    def forward(self, x: torch.Tensor) -> Dict[str, torch.Tensor]:
        return {"out": self.head(x)}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="bench/trivial_segmenter.pt")
    parser.add_argument("--classes", type=int, default=21)
    args = parser.parse_args()
    torch.manual_seed(0)
    torch.jit.script(Trivial(args.classes).eval()).save(args.out)


if __name__ == "__main__":
    main()
