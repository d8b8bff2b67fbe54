package dev.toolsmith.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots of an index: written when missing, compared after, failing with where they differ. */
class IndexSnapshotTest {
  /** Stands in for a tool class; its "index" is a test resource named after it. */
  static final class Sample {}

  @TempDir Path snapshots;

  @Test
  void aMissingSnapshotIsWritten_thenTheIndexMustMatchIt() throws IOException {
    IndexSnapshot.assertUnchanged(Sample.class, snapshots);
    Path snapshot = snapshots.resolve(Sample.class.getName() + ".json");
    assertThat(snapshot).content().contains("\"name\": \"sample\"");
    IndexSnapshot.assertUnchanged(Sample.class, snapshots);

    Files.writeString(snapshot, Files.readString(snapshot).replace("sample", "renamed"));
    assertThatThrownBy(() -> IndexSnapshot.assertUnchanged(Sample.class, snapshots))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("differs from its snapshot")
        .hasMessageContaining("at line 4")
        .hasMessageContaining("-Dtoolsmith.updateSnapshots=true");
  }

  @Test
  void anotherProcessorVersion_isNoChange_butAnotherSpiLevelIs() throws IOException {
    IndexSnapshot.assertUnchanged(Sample.class, snapshots);
    Path snapshot = snapshots.resolve(Sample.class.getName() + ".json");
    String written = Files.readString(snapshot);
    assertThat(written).contains("\"processorVersion\": \"0.9.0\"");

    Files.writeString(snapshot, written.replace("0.9.0", "0.8.2"));
    IndexSnapshot.assertUnchanged(Sample.class, snapshots);

    Files.writeString(snapshot, written.replace("\"spiLevel\": 4", "\"spiLevel\": 3"));
    assertThatThrownBy(() -> IndexSnapshot.assertUnchanged(Sample.class, snapshots))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("differs from its snapshot");
  }

  @Test
  void aClassWithoutAnIndex_namesTheProcessor() {
    assertThatThrownBy(() -> IndexSnapshot.assertUnchanged(String.class, snapshots))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("has no index");
    assertThatThrownBy(() -> IndexSnapshot.assertUnchanged(IndexSnapshotTest.class, snapshots))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("is mcp-processor on the compiler's processor path?");
  }
}
