package io.robovision.capture.source.synthetic;

/** An object as drawn into a frame: its class and how many pixels it would cover if nothing hid or cropped it. */
record DrawnObject(ObjectKind kind, int fullArea) {
}
