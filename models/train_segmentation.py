#!/usr/bin/env python3
"""Trains torchvision's deeplabv3_mobilenet_v3_large (21 Pascal VOC classes, no aux head) on a
synthetic dataset written by `./vision dataset`, reports held-out mIoU and exports TorchScript.

Preprocessing matches the Java worker's translator exactly: BGR image -> RGB, bilinear resize to
the model input, /255, ImageNet mean/std; labels are VOC class indices, with 255 (void) along
object borders left out of the loss and the scores, as in Pascal VOC.

    ./vision dataset --out /tmp/synth-train --count 4000 --seed 1
    ./vision dataset --out /tmp/synth-val --count 400 --seed 2
    python3 models/train_segmentation.py --train /tmp/synth-train --val /tmp/synth-val --out /tmp/seg-cpu.pt \
        --steps 3300 --batch 16 --crop 224 --lr 3e-3 --bf16 --recalibrate-bn \
        --lovasz-weight 1 --lovasz-from 1100 --lovasz-stride 2

That is the CPU recipe of MODEL_CARD.md (43 minutes on 2 cores with AVX512-BF16; leave --bf16 off without it).

On a GPU machine with a newer torch, train with --device cuda, then export the weights it writes
(OUT.state.npz) with Debian's torch: --init OUT.state.npz --steps 0 (see MODEL_CARD.md).
"""
import argparse
import contextlib
import hashlib
import json
import os
import random
import time
import types

import numpy as np
import torch
import torch.nn.functional as F
import torchvision
from PIL import Image

MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)
NUM_CLASSES = 21
# Pascal VOC's "void": the thin band along object borders, left out of the loss and the scores.
VOID = 255


def load_split(folder, limit=None):
    names = sorted(os.listdir(os.path.join(folder, "images")))[:limit]
    images, labels = [], []
    for name in names:
        stem = os.path.splitext(name)[0]
        rgb = np.asarray(Image.open(os.path.join(folder, "images", name)).convert("RGB"), dtype=np.uint8)
        label = np.asarray(Image.open(os.path.join(folder, "labels", stem + ".png")), dtype=np.uint8)
        images.append(rgb)
        labels.append(label)
    return np.stack(images), np.stack(labels)


def to_tensor(rgb_uint8):
    x = (rgb_uint8.astype(np.float32) / 255.0 - MEAN) / STD
    return torch.from_numpy(x).permute(0, 3, 1, 2).contiguous()


def confusion(pred, truth):
    truth, pred = truth.reshape(-1), pred.reshape(-1)
    scored = truth != VOID
    idx = truth[scored].astype(np.int64) * NUM_CLASSES + pred[scored].astype(np.int64)
    return np.bincount(idx, minlength=NUM_CLASSES * NUM_CLASSES).reshape(NUM_CLASSES, NUM_CLASSES)


def mean_iou(matrix):
    tp = np.diag(matrix).astype(np.float64)
    union = matrix.sum(0) + matrix.sum(1) - tp
    present = union > 0
    per_class = {int(c): float(tp[c] / union[c]) for c in np.nonzero(present)[0]}
    return float((tp[present] / union[present]).mean()), per_class


def recalibrate_batch_norm(model, images, batch=16, batches=60, seed=0):
    """Re-estimates BatchNorm statistics at full resolution with the final weights: MobileNetV3's
    BN momentum is 0.01, so its running averages lag behind fast-changing weights and differ from
    the crop statistics seen in training."""
    norms = [m for m in model.modules() if isinstance(m, torch.nn.BatchNorm2d)]
    for norm in norms:
        norm.reset_running_stats()
        norm.momentum = None
    rng = np.random.default_rng(seed)
    device = next(model.parameters()).device
    model.train()
    with torch.no_grad():
        for _ in range(batches):
            model(to_tensor(images[rng.integers(0, len(images), batch)]).to(device))
    model.eval()


def lovasz_softmax(logits, labels):
    """Lovasz-softmax (Berman et al., CVPR 2018): the Lovasz extension of the Jaccard loss of each class present in
    the batch, over all its non-void pixels at once, averaged over those classes. It optimises mean IoU itself, where
    cross-entropy is dominated by the many easy background pixels."""
    probabilities = logits.float().softmax(1).permute(0, 2, 3, 1).reshape(-1, logits.shape[1])
    labels = labels.reshape(-1)
    scored = labels != VOID
    probabilities, labels = probabilities[scored], labels[scored]
    classes = labels.unique()
    # One row per class present, sorted together: one batched sort is faster than a sort per class.
    foreground = (labels[None, :] == classes[:, None]).float()
    errors = (foreground - probabilities[:, classes].t()).abs()
    errors, order = errors.sort(1, descending=True)
    foreground = foreground.gather(1, order)
    total = foreground.sum(1, keepdim=True)
    jaccard = 1 - (total - foreground.cumsum(1)) / (total + (1 - foreground).cumsum(1))
    jaccard = torch.cat([jaccard[:, :1], jaccard[:, 1:] - jaccard[:, :-1]], 1)
    return (errors * jaccard).sum(1).mean()


def _dilated_conv_forward(conv, x):
    """A dilated convolution as it trains fastest on a CPU, with the same result (see cpu_training_shortcuts)."""
    centre_only = all(dilation >= size and padding == dilation * (kernel // 2)
                      for dilation, size, padding, kernel in zip(conv.dilation, x.shape[-2:], conv.padding,
                                                                 conv.kernel_size))
    if centre_only and conv.stride == (1, 1):
        # Every tap but the centre reads only zero padding, so the centre tap alone gives the same output and the
        # same gradients (the other taps' gradients are zero either way).
        ky, kx = conv.kernel_size[0] // 2, conv.kernel_size[1] // 2
        return F.conv2d(x, conv.weight[:, :, ky:ky + 1, kx:kx + 1], conv.bias, 1, 0, 1, conv.groups)
    if conv.groups == conv.in_channels:
        with torch.autocast(x.device.type, enabled=False):
            return torch.nn.Conv2d.forward(conv, x.float())
    return torch.nn.Conv2d.forward(conv, x)


@contextlib.contextmanager
def cpu_training_shortcuts(model):
    """Training-only stand-ins for the layers whose backward pass torch 1.13 runs slowly on a CPU, each computing the
    same function: the ASPP's atrous convolutions whose dilation reaches past a training crop's whole 1/16 feature
    map (24 and 36, and 12 on crops up to 192 pixels) run as their centre tap; the backbone's dilated depthwise
    convolutions run in float32 (oneDNN's bfloat16 backward of those is 2.5 times slower); and the logits are
    upsampled in float32 (its bfloat16 backward is 3.5 times slower). Together they cut a step of 8 crops of 224
    pixels from 0.50 s to 0.35 s on the 2-core build machine. The exported model is untouched."""
    patched = [m for m in model.modules() if isinstance(m, torch.nn.Conv2d) and m.dilation != (1, 1)]
    for conv in patched:
        conv.forward = types.MethodType(_dilated_conv_forward, conv)
    hook = model.classifier.register_forward_hook(lambda module, inputs, output: output.float().contiguous())
    try:
        yield
    finally:
        hook.remove()
        for conv in patched:
            del conv.forward


def cpu_has_bf16():
    """Whether this CPU computes bfloat16 itself (AVX512-BF16 or AMX); None where /proc/cpuinfo can't tell."""
    try:
        with open("/proc/cpuinfo") as f:
            flags = f.read()
    except OSError:
        return None
    return "avx512_bf16" in flags or "amx_bf16" in flags


def save_weights(model, path):
    """Saves the weights as plain arrays, so that a run on a GPU machine's newer torch can be exported with
    Debian's torch 1.13 (`--init PATH --steps 0`), whose TorchScript files DJL's libtorch 2.7.1 loads."""
    np.savez(path, **{name: value.detach().cpu().numpy() for name, value in model.state_dict().items()})


def load_weights(path):
    if path.endswith(".npz"):
        with np.load(path) as arrays:
            return {name: torch.from_numpy(arrays[name]) for name in arrays.files}
    return torch.jit.load(path, map_location="cpu").state_dict()


def image_weights(labels):
    """Sampling probability per image: images holding a rare class are drawn as often as common ones."""
    present = np.stack([np.bincount(label.reshape(-1), minlength=VOID + 1)[:NUM_CLASSES] > 0 for label in labels])
    present[:, 0] = False
    frequency = present.sum(0).clip(min=1)
    weights = np.where(present, 1.0 / frequency, 0.0).max(1)
    weights[weights == 0] = 1.0 / len(labels)
    return weights / weights.sum()


def evaluate(model, images, labels, batch=16):
    device = next(model.parameters()).device
    model.eval()
    matrix = np.zeros((NUM_CLASSES, NUM_CLASSES), dtype=np.int64)
    with torch.no_grad():
        for i in range(0, len(images), batch):
            out = model(to_tensor(images[i:i + batch]).to(device))["out"]
            matrix += confusion(out.argmax(1).cpu().numpy(), labels[i:i + batch])
    model.train()
    return mean_iou(matrix)


def train(model, args, images, labels, check_images, check_labels, state_file, started):
    """The training steps: random crops with flips, cross-entropy (plus Lovasz-softmax from --lovasz-from), AdamW on
    a one-cycle schedule; the weights are saved and checked on a few held-out images every 500 steps."""
    class_weights = torch.full((NUM_CLASSES,), args.object_weight, device=args.device)
    class_weights[0] = 1.0
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, total_steps=args.steps,
                                                   pct_start=max(0.1, 2 / args.steps))
    rng = np.random.default_rng(args.seed)
    draw = image_weights(labels) if args.balance else None
    h, w = images.shape[1:3]
    device_type = torch.device(args.device).type
    model.train()
    for step in range(1, args.steps + 1):
        pick = rng.choice(len(images), args.batch, p=draw)
        ys = rng.integers(0, h - args.crop + 1, args.batch) if h > args.crop else np.zeros(args.batch, int)
        xs = rng.integers(0, w - args.crop + 1, args.batch) if w > args.crop else np.zeros(args.batch, int)
        crop_h, crop_w = min(args.crop, h), min(args.crop, w)
        batch_images = np.stack([images[p, y:y + crop_h, x:x + crop_w] for p, y, x in zip(pick, ys, xs)])
        batch_labels = np.stack([labels[p, y:y + crop_h, x:x + crop_w] for p, y, x in zip(pick, ys, xs)])
        flip = rng.random(args.batch) < 0.5
        batch_images[flip] = batch_images[flip, :, ::-1]
        batch_labels[flip] = batch_labels[flip, :, ::-1]
        inputs = to_tensor(batch_images).to(args.device, memory_format=torch.channels_last)
        with torch.autocast(device_type, dtype=torch.bfloat16, enabled=args.bf16):
            logits = model(inputs)["out"]
        targets = torch.from_numpy(batch_labels.astype(np.int64)).to(args.device)
        loss = F.cross_entropy(logits.float(), targets, weight=class_weights, ignore_index=VOID)
        if args.lovasz_weight > 0 and step >= args.lovasz_from:
            every = args.lovasz_stride
            loss = loss + args.lovasz_weight * lovasz_softmax(logits[:, :, ::every, ::every],
                                                              targets[:, ::every, ::every])
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        schedule.step()
        if step % 50 == 0 or step == args.steps:
            print(f"step {step}/{args.steps} loss {loss.item():.4f} {time.time() - started:.0f}s", flush=True)
        if step % 500 == 0 and step < args.steps:
            save_weights(model, state_file)
            print(f"  held-out mIoU {evaluate(model, check_images, check_labels)[0]:.4f}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", required=True)
    parser.add_argument("--val", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--steps", type=int, default=2500,
                        help="training steps; 0 only evaluates and exports the --init weights")
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--crop", type=int, default=160)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--device", default="cpu",
                        help="torch device to train on, e.g. cuda; the export runs on the CPU")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--recalibrate-bn", action="store_true",
                        help="re-estimate BatchNorm statistics at full resolution before the final evaluation")
    parser.add_argument("--init", help="start from an earlier run's weights: its TorchScript file or its .state.npz")
    parser.add_argument("--object-weight", type=float, default=1.0,
                        help="loss weight of every non-background class, against 1 for background")
    parser.add_argument("--bf16", action="store_true",
                        help="run the training forward pass under bfloat16 autocast: about 2.5x faster on CPUs with"
                             " AVX512-BF16 (AMD Zen 4, Intel Sapphire Rapids and later), slower on others")
    parser.add_argument("--lovasz-weight", type=float, default=0.0,
                        help="add the Lovasz-softmax loss with this weight to the cross-entropy (0: off)")
    parser.add_argument("--lovasz-from", type=int, default=1,
                        help="the first step with the Lovasz term; its sort makes a step about a third slower")
    parser.add_argument("--lovasz-stride", type=int, default=1,
                        help="compute the Lovasz term on every Nth pixel in each direction: 2 sorts a quarter of them")
    parser.add_argument("--balance", action="store_true",
                        help="draw images with rare classes more often (weight = rarest class present)")
    args = parser.parse_args()
    if 0 < args.steps < 3:
        # The one-cycle schedule needs at least two warm-up steps and one more.
        parser.error("--steps must be 0 (export only) or at least 3")

    if args.bf16 and torch.device(args.device).type == "cpu" and cpu_has_bf16() is False:
        # oneDNN then emulates bfloat16: a step of 16 crops of 224 took 3.2 s against 1.6 s in float32 on a 2-core Xeon.
        print("warning: this CPU has neither AVX512-BF16 nor AMX, so --bf16 makes each step about twice as slow as"
              " float32 here; leave --bf16 off on this machine", flush=True)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)

    # An export-only run (--steps 0) reads the training images only to recalibrate BatchNorm.
    images, labels = load_split(args.train) if args.steps > 0 or args.recalibrate_bn else (None, None)
    val_images, val_labels = load_split(args.val)
    print(f"train {'not read' if images is None else images.shape}, val {val_images.shape}", flush=True)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    state_file = os.path.splitext(args.out)[0] + ".state.npz"

    model = torchvision.models.segmentation.deeplabv3_mobilenet_v3_large(
        weights=None, weights_backbone=None, num_classes=NUM_CLASSES, aux_loss=False)
    if args.init:
        model.load_state_dict(load_weights(args.init))
    # NHWC is what oneDNN's CPU convolutions prefer.
    model = model.to(args.device, memory_format=torch.channels_last)
    started = time.time()
    if args.steps > 0:
        with cpu_training_shortcuts(model) if torch.device(args.device).type == "cpu" else contextlib.nullcontext():
            train(model, args, images, labels, val_images[:64], val_labels[:64], state_file, started)

    if args.recalibrate_bn:
        print(f"before BatchNorm recalibration: held-out mIoU {evaluate(model, val_images, val_labels)[0]:.4f}",
              flush=True)
        recalibrate_batch_norm(model, images, seed=args.seed)
    miou, per_class = evaluate(model, val_images, val_labels)
    print(f"held-out mIoU {miou:.4f} per class {per_class}", flush=True)
    model.eval()
    # The model is still channels-last, and the TorchScript file keeps the weights' layout: libtorch then runs every
    # convolution in NHWC, 1.7 times faster than NCHW on the 2-vCPU build machine (libtorch 2.7.1, 320x240).
    model = model.to("cpu")
    save_weights(model, state_file)
    scripted = torch.jit.script(model)
    scripted.save(args.out)
    digest = hashlib.sha256(open(args.out, "rb").read()).hexdigest()
    report = {"miou": miou, "per_class_iou": per_class, "steps": args.steps, "init": args.init,
              "val_images": int(len(val_images)), "seconds": round(time.time() - started),
              "torch": torch.__version__, "torchvision": torchvision.__version__, "sha256": digest}
    if args.steps > 0:
        report.update({"batch": args.batch, "crop": args.crop, "lr": args.lr, "seed": args.seed,
                       "object_weight": args.object_weight, "lovasz_weight": args.lovasz_weight,
                       "lovasz_from": args.lovasz_from, "lovasz_stride": args.lovasz_stride, "bf16": args.bf16,
                       "recalibrate_bn": args.recalibrate_bn,
                       "train_images": int(len(images))})
    with open(os.path.splitext(args.out)[0] + ".train.json", "w") as f:
        json.dump(report, f, indent=2)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
