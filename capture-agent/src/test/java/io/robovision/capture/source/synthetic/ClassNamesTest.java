package io.robovision.capture.source.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassNamesTest {
  @Test
  void vocConstantsIndexTheirNames() {
    assertThat(VocClasses.NAMES).hasSize(21).doesNotHaveDuplicates();
    assertThat(VocClasses.NAMES.get(VocClasses.BACKGROUND)).isEqualTo("__background__");
    assertThat(VocClasses.NAMES.get(VocClasses.BICYCLE)).isEqualTo("bicycle");
    assertThat(VocClasses.NAMES.get(VocClasses.BUS)).isEqualTo("bus");
    assertThat(VocClasses.NAMES.get(VocClasses.CAR)).isEqualTo("car");
    assertThat(VocClasses.NAMES.get(VocClasses.CAT)).isEqualTo("cat");
    assertThat(VocClasses.NAMES.get(VocClasses.DOG)).isEqualTo("dog");
    assertThat(VocClasses.NAMES.get(VocClasses.PERSON)).isEqualTo("person");
    assertThat(VocClasses.NAMES.get(20)).isEqualTo("tvmonitor");
  }

  @Test
  void cocoConstantsIndexTheirNamesInYoloOrder() {
    assertThat(CocoClasses.NAMES).hasSize(80).doesNotHaveDuplicates();
    assertThat(CocoClasses.NAMES.get(CocoClasses.PERSON)).isEqualTo("person");
    assertThat(CocoClasses.NAMES.get(CocoClasses.BICYCLE)).isEqualTo("bicycle");
    assertThat(CocoClasses.NAMES.get(CocoClasses.CAR)).isEqualTo("car");
    assertThat(CocoClasses.NAMES.get(CocoClasses.BUS)).isEqualTo("bus");
    assertThat(CocoClasses.NAMES.get(CocoClasses.CAT)).isEqualTo("cat");
    assertThat(CocoClasses.NAMES.get(CocoClasses.DOG)).isEqualTo("dog");
    assertThat(CocoClasses.NAMES.get(79)).isEqualTo("toothbrush");
  }

  @Test
  void everyObjectKindNamesTheSameClassInBothDatasets() {
    for (ObjectKind kind : ObjectKind.values()) {
      assertThat(CocoClasses.NAMES.get(kind.cocoClass())).isEqualTo(kind.label());
    }
  }
}
