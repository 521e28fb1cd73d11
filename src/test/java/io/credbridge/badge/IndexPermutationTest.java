package io.credbridge.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndexPermutationTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 16, 37, 100, 1000, 4097, 1 << 13})
    void everyPositionOfAListGetsAnIndexOfItAndNoTwoShareOne(int length) {
        IndexPermutation permutation = IndexPermutation.of(IndexPermutation.newKey(), length);

        List<Integer> indexes = indexes(permutation, length);

        assertThat(indexes)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, length).boxed().toList());
    }

    @Test
    void theIndexesDoNotFollowThePositions() {
        int length = 1000;
        List<Integer> indexes = indexes(IndexPermutation.of(IndexPermutation.newKey(), length), length);

        long fixedPoints =
                IntStream.range(0, length).filter(i -> indexes.get(i) == i).count();
        long sequentialSteps = IntStream.range(1, length)
                .filter(i -> indexes.get(i) == indexes.get(i - 1) + 1)
                .count();
        // A random permutation has about one fixed point and one sequential step on average.
        assertThat(fixedPoints).isLessThan(10);
        assertThat(sequentialSteps).isLessThan(10);
        assertThat(indexes.subList(0, 10))
                .as("the first positions land all over the list")
                .anyMatch(index -> index >= length / 2);
    }

    @Test
    void differentKeysGiveDifferentOrdersAndTheSameKeyTheSameOrder() {
        int length = 1000;
        byte[] key = IndexPermutation.newKey();

        List<Integer> first = indexes(IndexPermutation.of(key, length), length);
        List<Integer> again = indexes(IndexPermutation.of(key.clone(), length), length);
        List<Integer> otherKey = indexes(IndexPermutation.of(IndexPermutation.newKey(), length), length);

        assertThat(again).isEqualTo(first);
        assertThat(otherKey).isNotEqualTo(first);
        long samePlace = IntStream.range(0, length)
                .filter(i -> first.get(i).equals(otherKey.get(i)))
                .count();
        assertThat(samePlace).as("unrelated, not shifted or nearly equal").isLessThan(10);
    }

    @Test
    void aPositionOutsideTheListIsRefused() {
        IndexPermutation permutation = IndexPermutation.of(IndexPermutation.newKey(), 10);

        assertThatThrownBy(() -> permutation.indexAt(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> permutation.indexAt(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndexPermutation.of(new byte[16], 10)).hasMessageContaining("32 bytes");
    }

    private static List<Integer> indexes(IndexPermutation permutation, int length) {
        return IntStream.range(0, length).map(permutation::indexAt).boxed().toList();
    }
}
