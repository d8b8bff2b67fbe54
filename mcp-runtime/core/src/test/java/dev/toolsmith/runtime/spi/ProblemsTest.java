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
  void deepPaths_growPastTheFirstFewSteps_andLeaveRestoresTheParent() {
    Problems problems = new Problems();
    for (int depth = 0; depth < 9; depth++) {
      problems.enter("n" + depth);
    }
    problems.missing("a string");
    for (int depth = 0; depth < 8; depth++) {
      problems.leave();
    }
    problems.enter(0);
    problems.missing("a number");
    InvalidArgumentsException e =
        catchThrowableOfType(InvalidArgumentsException.class, problems::throwIfAny);
    assertThat(e.problems())
        .containsExactly(
            "n0.n1.n2.n3.n4.n5.n6.n7.n8: missing; expected a string",
            "n0[0]: missing; expected a number");
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
