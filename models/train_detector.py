#!/usr/bin/env python3
"""Trains a compact YOLOv5-style detector from scratch on a synthetic dataset written by
`./vision dataset`, reports held-out mAP@0.5 and exports TorchScript with yolov5s.torchscript's
output layout, so the Java detector runs this model and a real YOLOv5 export alike.

Input: a 320x320 letterbox (aspect kept, scaled to fit, centred, padded with 114 grey), RGB, /255,
NCHW, no mean/std. Output: one tensor [1, N, 85] per image: cx, cy, w, h in input pixels,
objectness (0..1), then the 80 COCO class probabilities (0..1, zero for classes never trained).

The network is a small conv backbone with a top-down feature pyramid and YOLOv5's anchor-based
heads at strides 8, 16 and 32 (anchors by k-means on the training boxes), trained with YOLOv5's
target assignment and loss (CIoU box, IoU-targeted objectness, per-class BCE).

    ./vision dataset --out /tmp/synth-train --count 4000 --seed 1
    ./vision dataset --out /tmp/synth-val --count 400 --seed 2
    python3 models/train_detector.py --train /tmp/synth-train --val /tmp/synth-val \
        --out models/yolo_synthetic.pt

python3 is the one with torch 1.13 (Debian's /usr/bin/python3 here); about 16 minutes on 2 idle cores.
With a GPU, add --device cuda: training runs there, evaluation and the export on the CPU.
"""
import argparse
import copy
import hashlib
import json
import math
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image

COCO_CLASSES = 80
PAD_VALUE = 114
STRIDES = (8, 16, 32)
ANCHORS_PER_SCALE = 3
# YOLOv5's loss hyper-parameters for a 320 input: objectness weight per scale, small to large.
SCALE_BALANCE = (4.0, 1.0, 0.4)
ANCHOR_RATIO_LIMIT = 4.0


def letterbox_geometry(width, height, size):
    """YOLOv5's letterbox: scale to fit, centre, the odd pixel of padding goes right/bottom."""
    scale = min(size / width, size / height)
    new_w, new_h = round(width * scale), round(height * scale)
    dw, dh = (size - new_w) / 2, (size - new_h) / 2
    return new_w, new_h, round(dw - 0.1), round(dh - 0.1)


def load_split(folder, class_ids, limit=None):
    names = sorted(os.listdir(os.path.join(folder, "images")))[:limit]
    index_of = {coco: i for i, coco in enumerate(class_ids)}
    images, boxes = [], []
    for name in names:
        stem = os.path.splitext(name)[0]
        rgb = np.asarray(Image.open(os.path.join(folder, "images", name)).convert("RGB"), dtype=np.uint8)
        h, w = rgb.shape[:2]
        rows = []
        with open(os.path.join(folder, "boxes", stem + ".txt")) as f:
            for line in f:
                coco, cx, cy, bw, bh = line.split()
                rows.append([index_of[int(coco)], float(cx) * w, float(cy) * h, float(bw) * w, float(bh) * h])
        images.append(rgb)
        boxes.append(np.array(rows, dtype=np.float32).reshape(-1, 5))
    return images, boxes


def present_classes(folder):
    ids = set()
    for name in os.listdir(os.path.join(folder, "boxes")):
        with open(os.path.join(folder, "boxes", name)) as f:
            ids.update(int(line.split()[0]) for line in f if line.strip())
    return sorted(ids)


def letterbox(rgb, boxes, size, top=None):
    """Places the image on a grey square canvas; `top` overrides the centred vertical offset."""
    h, w = rgb.shape[:2]
    new_w, new_h, left, centred_top = letterbox_geometry(w, h, size)
    top = centred_top if top is None else top
    canvas = np.full((size, size, 3), PAD_VALUE, dtype=np.uint8)
    scale = new_w / w
    if (new_w, new_h) != (w, h):
        rgb = np.asarray(Image.fromarray(rgb).resize((new_w, new_h), Image.BILINEAR))
    canvas[top:top + new_h, left:left + new_w] = rgb
    boxes = boxes.copy()
    boxes[:, 1:] *= scale
    boxes[:, 1] += left
    boxes[:, 2] += top
    return canvas, boxes


def to_tensor(canvases):
    return torch.from_numpy(np.stack(canvases)).permute(0, 3, 1, 2).float().div_(255.0)


def kmeans_anchors(boxes, count, seed):
    """k-means on log box sizes, so small and large objects weigh the same; sorted by area."""
    sizes = np.log(np.concatenate([b[:, 3:5] for b in boxes]).astype(np.float64).clip(1, None))
    order = np.argsort(sizes.sum(1))
    centres = sizes[order[np.linspace(0, len(order) - 1, count).astype(int)]]
    rng = np.random.default_rng(seed)
    for _ in range(100):
        nearest = ((sizes[:, None] - centres[None]) ** 2).sum(-1).argmin(1)
        for k in range(count):
            members = sizes[nearest == k]
            centres[k] = members.mean(0) if len(members) else sizes[rng.integers(len(sizes))]
    anchors = np.exp(centres)
    return anchors[np.argsort(anchors.prod(1))].astype(np.float32)


def conv(c_in, c_out, k=3, s=1):
    return nn.Sequential(nn.Conv2d(c_in, c_out, k, s, k // 2, bias=False), nn.BatchNorm2d(c_out), nn.SiLU())


class Residual(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.body = nn.Sequential(conv(c, c // 2, 1), conv(c // 2, c, 3))

    def forward(self, x):
        return x + self.body(x)


class Detector(nn.Module):
    """Backbone to stride 32, top-down pyramid, raw YOLO head maps at strides 8, 16, 32."""

    def __init__(self, classes, anchors, widths=(16, 32, 64, 96, 128)):
        super().__init__()
        c1, c2, c3, c4, c5 = widths
        self.classes = classes
        self.outputs = 5 + classes
        self.register_buffer("anchors", torch.as_tensor(anchors).view(len(STRIDES), ANCHORS_PER_SCALE, 2))
        self.stem = nn.Sequential(conv(3, c1, 3, 2), conv(c1, c2, 3, 2), Residual(c2))
        self.down3 = nn.Sequential(conv(c2, c3, 3, 2), Residual(c3), Residual(c3))
        self.down4 = nn.Sequential(conv(c3, c4, 3, 2), Residual(c4), Residual(c4))
        self.down5 = nn.Sequential(conv(c4, c5, 3, 2), Residual(c5), conv(c5, c5, 3))
        self.lateral5 = conv(c5, c4, 1)
        self.merge4 = nn.Sequential(conv(2 * c4, c4, 1), conv(c4, c4, 3))
        self.lateral4 = conv(c4, c3, 1)
        self.merge3 = nn.Sequential(conv(2 * c3, c3, 1), conv(c3, c3, 3))
        self.heads = nn.ModuleList(nn.Conv2d(c, ANCHORS_PER_SCALE * self.outputs, 1) for c in (c3, c4, c5))
        self._init_head_biases()

    def _init_head_biases(self):
        # YOLOv5's prior: about 8 objects per 640x640 image and a uniform class guess, so early
        # training is not swamped by the gradient of the all-background cells.
        for head, stride in zip(self.heads, STRIDES):
            bias = head.bias.data.view(ANCHORS_PER_SCALE, self.outputs)
            bias[:, 4] += math.log(8 / (640 / stride) ** 2)
            bias[:, 5:] += math.log(0.6 / (self.classes - 0.99))

    def forward(self, x):
        p3 = self.down3(self.stem(x))
        p4 = self.down4(p3)
        p5 = self.down5(p4)
        t4 = self.merge4(torch.cat([F.interpolate(self.lateral5(p5), scale_factor=2.0, mode="nearest"), p4], 1))
        t3 = self.merge3(torch.cat([F.interpolate(self.lateral4(t4), scale_factor=2.0, mode="nearest"), p3], 1))
        maps = []
        for head, feature in zip(self.heads, (t3, t4, p5)):
            n, _, h, w = feature.shape
            maps.append(head(feature).view(n, ANCHORS_PER_SCALE, self.outputs, h, w).permute(0, 1, 3, 4, 2))
        return maps


class YoloV5Layout(nn.Module):
    """Decodes the head maps like YOLOv5's Detect layer and spreads the classes over COCO's 80."""

    def __init__(self, model, class_ids):
        super().__init__()
        self.model = model
        spread = torch.zeros(len(class_ids), COCO_CLASSES)
        spread[torch.arange(len(class_ids)), torch.as_tensor(class_ids)] = 1
        self.register_buffer("spread", spread)

    def forward(self, x):
        rows = []
        for i, raw in enumerate(self.model(x)):
            n, a, h, w, _ = raw.shape
            y = raw.sigmoid()
            gy, gx = torch.meshgrid(torch.arange(h, dtype=x.dtype), torch.arange(w, dtype=x.dtype), indexing="ij")
            grid = torch.stack((gx, gy), -1).view(1, 1, h, w, 2)
            xy = (y[..., 0:2] * 2 - 0.5 + grid) * STRIDES[i]
            wh = (y[..., 2:4] * 2) ** 2 * self.model.anchors[i].view(1, a, 1, 1, 2)
            rows.append(torch.cat((xy, wh, y[..., 4:5], y[..., 5:] @ self.spread), -1).view(n, -1, 5 + COCO_CLASSES))
        return torch.cat(rows, 1)


def box_ciou(a, b, eps=1e-7):
    """Complete IoU of boxes given as (cx, cy, w, h), elementwise."""
    a1, a2 = a[:, :2] - a[:, 2:] / 2, a[:, :2] + a[:, 2:] / 2
    b1, b2 = b[:, :2] - b[:, 2:] / 2, b[:, :2] + b[:, 2:] / 2
    inter = (torch.min(a2, b2) - torch.max(a1, b1)).clamp(0).prod(1)
    union = a[:, 2:].prod(1) + b[:, 2:].prod(1) - inter + eps
    iou = inter / union
    hull = torch.max(a2, b2) - torch.min(a1, b1)
    diagonal = (hull ** 2).sum(1) + eps
    distance = ((a[:, :2] - b[:, :2]) ** 2).sum(1)
    v = (4 / math.pi ** 2) * (torch.atan(b[:, 2] / (b[:, 3] + eps)) - torch.atan(a[:, 2] / (a[:, 3] + eps))) ** 2
    with torch.no_grad():
        alpha = v / (v - iou + (1 + eps))
    return iou - (distance / diagonal + v * alpha)


def yolo_loss(maps, targets, anchors, classes):
    """YOLOv5's loss. targets: [M, 6] rows of (image, class, cx, cy, w, h) in input pixels."""
    device = targets.device
    box_loss = torch.zeros((), device=device)
    obj_loss = torch.zeros((), device=device)
    cls_loss = torch.zeros((), device=device)
    # A target also claims the two neighbouring cells nearest its centre, as in YOLOv5.
    offsets = torch.tensor([[0, 0], [1, 0], [0, 1], [-1, 0], [0, -1]], dtype=torch.float32, device=device) * 0.5
    for i, raw in enumerate(maps):
        n, a, h, w, _ = raw.shape
        stride = STRIDES[i]
        scale_anchors = anchors[i] / stride
        obj_target = torch.zeros(raw.shape[:4], device=device)
        if len(targets):
            t = targets.clone()
            t[:, 2:] /= stride
            t = t.unsqueeze(0).repeat(a, 1, 1)
            anchor_index = torch.arange(a, device=device).view(a, 1).repeat(1, len(targets))
            ratio = t[..., 4:6] / scale_anchors[:, None]
            keep = torch.max(ratio, 1 / ratio).max(2)[0] < ANCHOR_RATIO_LIMIT
            t, anchor_index = t[keep], anchor_index[keep]
            xy = t[:, 2:4]
            inverse = torch.tensor([w, h], device=device) - xy
            j, k = ((xy % 1 < 0.5) & (xy > 1)).T
            l, m = ((inverse % 1 < 0.5) & (inverse > 1)).T
            pick = torch.stack((torch.ones_like(j), j, k, l, m))
            t = t.repeat(5, 1, 1)[pick]
            anchor_index = anchor_index.repeat(5, 1)[pick]
            shift = (torch.zeros_like(xy)[None] + offsets[:, None])[pick]
            cells = (t[:, 2:4] - shift).long()
            gx, gy = cells[:, 0].clamp(0, w - 1), cells[:, 1].clamp(0, h - 1)
            image = t[:, 0].long()
            p = raw[image, anchor_index, gy, gx]
            pxy = p[:, 0:2].sigmoid() * 2 - 0.5
            pwh = (p[:, 2:4].sigmoid() * 2) ** 2 * scale_anchors[anchor_index]
            target_box = torch.cat((t[:, 2:4] - torch.stack((gx, gy), 1), t[:, 4:6]), 1)
            ciou = box_ciou(torch.cat((pxy, pwh), 1), target_box)
            box_loss = box_loss + (1 - ciou).mean()
            obj_target[image, anchor_index, gy, gx] = ciou.detach().clamp(0).to(obj_target.dtype)
            onehot = torch.zeros_like(p[:, 5:])
            onehot[torch.arange(len(t)), t[:, 1].long()] = 1
            cls_loss = cls_loss + F.binary_cross_entropy_with_logits(p[:, 5:], onehot)
        obj_loss = obj_loss + F.binary_cross_entropy_with_logits(raw[..., 4], obj_target) * SCALE_BALANCE[i]
    size_gain = (maps[0].shape[2] * STRIDES[0] / 640) ** 2
    scale_gain = 3 / len(maps)
    return (0.05 * scale_gain * box_loss + 1.0 * size_gain * scale_gain * obj_loss
            + 0.5 * classes / COCO_CLASSES * scale_gain * cls_loss) * maps[0].shape[0]


class Ema:
    """Exponential moving average of the weights, which YOLOv5 evaluates and exports."""

    def __init__(self, model, decay=0.9995, warmup=1000):
        self.model = copy.deepcopy(model).eval()
        self.decay = decay
        self.warmup = warmup
        self.updates = 0
        for p in self.model.parameters():
            p.requires_grad_(False)

    def update(self, model):
        self.updates += 1
        d = self.decay * (1 - math.exp(-self.updates / self.warmup))
        with torch.no_grad():
            source = model.state_dict()
            for name, value in self.model.state_dict().items():
                if value.dtype.is_floating_point:
                    value.mul_(d).add_(source[name].detach(), alpha=1 - d)


def box_iou(a, b):
    """IoU matrix of (x1, y1, x2, y2) boxes."""
    tl = np.maximum(a[:, None, :2], b[None, :, :2])
    br = np.minimum(a[:, None, 2:], b[None, :, 2:])
    inter = (br - tl).clip(0).prod(2)
    area_a = (a[:, 2:] - a[:, :2]).prod(1)
    area_b = (b[:, 2:] - b[:, :2]).prod(1)
    return inter / (area_a[:, None] + area_b[None] - inter + 1e-9)


def nms(boxes, scores, iou):
    order = np.argsort(-scores, kind="stable")
    keep = []
    while len(order):
        best = order[0]
        keep.append(best)
        order = order[1:][box_iou(boxes[best:best + 1], boxes[order[1:]])[0] < iou]
    return np.array(keep, dtype=np.int64)


def postprocess(rows, conf, iou, max_det=100):
    """[N, 85] rows to (x1, y1, x2, y2, score, coco class): best class per row, per-class NMS."""
    scores_all = rows[:, 4:5] * rows[:, 5:]
    cls = scores_all.argmax(1)
    score = scores_all[np.arange(len(rows)), cls]
    mask = score >= conf
    xywh, score, cls = rows[mask, :4], score[mask], cls[mask]
    boxes = np.concatenate((xywh[:, :2] - xywh[:, 2:] / 2, xywh[:, :2] + xywh[:, 2:] / 2), 1)
    kept = []
    for c in np.unique(cls):
        idx = np.nonzero(cls == c)[0]
        kept.extend(idx[nms(boxes[idx], score[idx], iou)])
    kept = np.array(kept, dtype=np.int64)
    kept = kept[np.argsort(-score[kept], kind="stable")][:max_det]
    return np.concatenate((boxes[kept], score[kept, None], cls[kept, None].astype(np.float32)), 1)


def average_precision(recall, precision):
    """Area under the precision envelope (all-point interpolation, VOC2010+/COCO style)."""
    r = np.concatenate(([0.0], recall, [1.0]))
    p = np.concatenate(([1.0], precision, [0.0]))
    p = np.maximum.accumulate(p[::-1])[::-1]
    steps = np.nonzero(r[1:] != r[:-1])[0]
    return float(((r[steps + 1] - r[steps]) * p[steps + 1]).sum())


def mean_average_precision(detections, truths, class_ids, threshold=0.5):
    """detections/truths per image; truths as [K, 5] (class index, x1, y1, x2, y2)."""
    per_class = {}
    for c, coco in enumerate(class_ids):
        records, total = [], 0
        for det, gt in zip(detections, truths):
            g = gt[gt[:, 0] == c, 1:]
            total += len(g)
            d = det[det[:, 5] == coco]
            d = d[np.argsort(-d[:, 4], kind="stable")]
            matched = np.zeros(len(g), dtype=bool)
            ious = box_iou(d[:, :4], g) if len(g) else np.zeros((len(d), 0))
            for row, score in enumerate(d[:, 4]):
                candidates = np.where(matched, -1.0, ious[row]) if len(g) else np.zeros(0)
                best = int(candidates.argmax()) if len(g) else -1
                hit = best >= 0 and candidates[best] >= threshold
                if hit:
                    matched[best] = True
                records.append((score, hit))
        if total == 0:
            continue
        records.sort(key=lambda item: -item[0])
        hits = np.array([hit for _, hit in records], dtype=np.float64)
        tp, fp = np.cumsum(hits), np.cumsum(1 - hits)
        recall = tp / total
        precision = tp / np.maximum(tp + fp, 1e-9)
        per_class[coco] = average_precision(recall, precision)
    return float(np.mean(list(per_class.values()))), per_class


def evaluate(exported, images, boxes, size, conf, iou, batch=16):
    detections, truths = [], []
    with torch.no_grad():
        for start in range(0, len(images), batch):
            canvases = []
            for rgb, b in zip(images[start:start + batch], boxes[start:start + batch]):
                canvas, _ = letterbox(rgb, b, size)
                canvases.append(canvas)
            out = exported(to_tensor(canvases)).numpy()
            for rows, rgb, b in zip(out, images[start:start + batch], boxes[start:start + batch]):
                h, w = rgb.shape[:2]
                new_w, new_h, left, top = letterbox_geometry(w, h, size)
                det = postprocess(rows, conf, iou)
                det[:, [0, 2]] = ((det[:, [0, 2]] - left) * w / new_w).clip(0, w)
                det[:, [1, 3]] = ((det[:, [1, 3]] - top) * h / new_h).clip(0, h)
                detections.append(det)
                truths.append(np.concatenate((b[:, :1], b[:, 1:3] - b[:, 3:5] / 2, b[:, 1:3] + b[:, 3:5] / 2), 1))
    return detections, truths


def training_batch(images, boxes, picks, size, rng):
    canvases, targets = [], []
    for slot, p in enumerate(picks):
        rgb, b = images[p], boxes[p]
        h, w = rgb.shape[:2]
        _, new_h, _, _ = letterbox_geometry(w, h, size)
        # Random vertical placement in the letterbox: the net sees objects next to the grey pad and
        # the frame edge at every offset, not only at the centred one.
        top = int(rng.integers(0, size - new_h + 1))
        if rng.random() < 0.5:
            rgb = rgb[:, ::-1]
            b = b.copy()
            b[:, 1] = w - b[:, 1]
        canvas, b = letterbox(rgb, b, size, top)
        canvases.append(canvas)
        targets.append(np.concatenate((np.full((len(b), 1), slot, dtype=np.float32), b), 1))
    return to_tensor(canvases), torch.from_numpy(np.concatenate(targets))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", required=True)
    parser.add_argument("--val", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--size", type=int, default=320)
    parser.add_argument("--steps", type=int, default=6000)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N training images (smoke tests)")
    parser.add_argument("--conf", type=float, default=0.001)
    parser.add_argument("--iou", type=float, default=0.5)
    parser.add_argument("--device", default="cpu",
                        help="torch device to train on, e.g. cuda; evaluation and export run on the CPU")
    args = parser.parse_args()
    if args.steps < 3:
        # The one-cycle schedule needs at least two warm-up steps and one more.
        parser.error("--steps must be at least 3")

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)

    class_ids = present_classes(args.train)
    images, boxes = load_split(args.train, class_ids, args.limit)
    val_images, val_boxes = load_split(args.val, class_ids)
    anchors = kmeans_anchors(boxes, len(STRIDES) * ANCHORS_PER_SCALE, args.seed)
    print(f"train {len(images)}, val {len(val_images)}, classes {class_ids}, anchors {anchors.round(1).tolist()}",
          flush=True)

    model = Detector(len(class_ids), anchors).to(args.device)
    print(f"parameters {sum(p.numel() for p in model.parameters())}", flush=True)
    decay, no_decay = [], []
    for p in model.parameters():
        (decay if p.ndim == 4 else no_decay).append(p)
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": 5e-4}, {"params": no_decay, "weight_decay": 0}],
                                  lr=args.lr, betas=(0.937, 0.999))
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, total_steps=args.steps,
                                                   pct_start=max(0.05, 2 / args.steps),
                                                   div_factor=20, final_div_factor=50)
    ema = Ema(model, warmup=max(args.steps // 15, 1))
    started = time.time()
    cpu_started = time.process_time()
    model.train()
    for step in range(1, args.steps + 1):
        picks = rng.integers(0, len(images), args.batch)
        x, targets = training_batch(images, boxes, picks, args.size, rng)
        x, targets = x.to(args.device), targets.to(args.device)
        loss = yolo_loss(model(x), targets, model.anchors, len(class_ids))
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 10.0)
        optimizer.step()
        schedule.step()
        ema.update(model)
        if step % 50 == 0 or step == args.steps:
            print(f"step {step}/{args.steps} loss {loss.item():.4f} lr {schedule.get_last_lr()[0]:.5f} "
                  f"{time.time() - started:.0f}s (cpu {time.process_time() - cpu_started:.0f}s)", flush=True)
    train_seconds = time.time() - started
    # CPU seconds / threads is what training takes on idle cores, also when other jobs shared them.
    train_cpu_seconds = time.process_time() - cpu_started

    exported = YoloV5Layout(ema.model.to("cpu"), class_ids).eval()
    detections, truths = evaluate(exported, val_images, val_boxes, args.size, args.conf, args.iou)
    mean_ap, per_class = mean_average_precision(detections, truths, class_ids)
    names = open(os.path.join(args.train, "classes_coco.txt")).read().split("\n")
    print(f"held-out mAP@0.5 {mean_ap:.4f} " + ", ".join(f"{names[c]} {ap:.3f}" for c, ap in per_class.items()),
          flush=True)

    with torch.no_grad():
        traced = torch.jit.trace(exported, torch.zeros(1, 3, args.size, args.size))
    traced.save(args.out)
    digest = hashlib.sha256(open(args.out, "rb").read()).hexdigest()
    report = {"map50": mean_ap, "per_class_ap50": {names[c]: ap for c, ap in per_class.items()},
              "eval": {"conf": args.conf, "nms_iou": args.iou, "max_det": 100, "input": args.size},
              "steps": args.steps, "batch": args.batch, "lr": args.lr, "seed": args.seed, "threads": args.threads,
              "device": args.device,
              "train_images": len(images), "val_images": len(val_images), "anchors": anchors.tolist(),
              "seconds": round(time.time() - started), "train_seconds": round(train_seconds),
              "train_cpu_seconds": round(train_cpu_seconds),
              "torch": torch.__version__, "sha256": digest, "bytes": os.path.getsize(args.out)}
    with open(os.path.splitext(args.out)[0] + ".train.json", "w") as f:
        json.dump(report, f, indent=2)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
