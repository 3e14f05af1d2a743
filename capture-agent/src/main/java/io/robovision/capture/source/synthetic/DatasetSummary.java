package io.robovision.capture.source.synthetic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a dataset write produced: the number of images and how many boxes of each class (by VOC name) they hold. */
public record DatasetSummary(int images, Map<String, Integer> objectsPerClass) {
  public DatasetSummary {
    objectsPerClass = Collections.unmodifiableMap(new LinkedHashMap<>(objectsPerClass));
  }

  /** Total number of boxes over all classes. */
  public int objects() {
    return objectsPerClass.values().stream().mapToInt(Integer::intValue).sum();
  }
}
