package io.robovision.capture.source.synthetic;

import java.util.List;

/** The 21 Pascal VOC class names in torchvision COCO_WITH_VOC_LABELS_V1 index order. */
public final class VocClasses {
  public static final List<String> NAMES = List.of(
      "__background__", "aeroplane", "bicycle", "bird", "boat", "bottle", "bus", "car", "cat",
      "chair", "cow", "diningtable", "dog", "horse", "motorbike", "person", "pottedplant",
      "sheep", "sofa", "train", "tvmonitor");

  public static final int BACKGROUND = 0;
  public static final int BICYCLE = 2;
  public static final int BUS = 6;
  public static final int CAR = 7;
  public static final int CAT = 8;
  public static final int DOG = 12;
  public static final int PERSON = 15;
  /** Pascal VOC's "void" label: object borders too thin to call either way, left out of training and scoring. */
  public static final int VOID = 255;

  private VocClasses() {
  }
}
