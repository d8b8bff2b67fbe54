package dev.toolsmith.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.toolsmith.runtime.InvalidArgumentsException;
import org.junit.jupiter.api.Test;

class ProblemsTest {

  @Test
  void throwIfAny_isSilentWithoutProblems() {
    new Problems().throwIfAny();
  }

  @Test
  void paths_nameNestedPropertiesAndIndexes() {
    Problems problems = new Problems();
    problems.enter("stops");
    problems.enter(2);
    problems.enter("name");
    problems.mismatch("a string", IntNode.valueOf(7));
    InvalidArgumentsException e =
        catchThrowableOfType(InvalidArgumentsException.class, problems::throwIfAny);
    assertThat(e.problems()).containsExactly("stops[2].name: expected a string, got 7");
    assertThat(e).hasMessage("stops[2].name: expected a string, got 7");
  }

  @Test
  void manyProblems_areCappedSoAnswersStaySmall() {
    Problems problems = new Problems();
    for (int i = 0; i < 25; i++) {
      problems.enter(i);
      problems.missing("a number");
      problems.leave();
    }
    InvalidArgumentsException e =
        catchThrowableOfType(InvalidArgumentsException.class, problems::throwIfAny);
    assertThat(e.problems()).hasSize(Problems.LIMIT + 1).last().isEqualTo("... and 5 more");
  }
}
