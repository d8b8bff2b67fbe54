package dev.toolsmith.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolsmith.runtime.local.LocalMcpServer;
import dev.toolsmith.runtime.server.McpServer;
import dev.toolsmith.runtime.testing.EchoPack;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifespanTest {
  private final List<String> events = new ArrayList<>();

  @Test
  void checkpointsAndClosesLastMadeFirstAndRestoresInOrder() throws Exception {
    Lifespan lifespan = new Lifespan();
    lifespan.manage(new Recording("pool"));
    lifespan.manage(new Recording("cache"));

    lifespan.beforeCheckpoint();
    lifespan.afterRestore();
    lifespan.close();
    lifespan.close();

    assertThat(events)
        .containsExactly(
            "cache checkpoint",
            "pool checkpoint",
            "pool restore",
            "cache restore",
            "cache close",
            "pool close");
  }

  @Test
  void aFailedCheckpointStillAsksTheOthersAndThenFails() {
    Lifespan lifespan = new Lifespan();
    lifespan.manage(new Recording("pool"));
    lifespan.manage(
        new Recording("broken") {
          @Override
          public void beforeCheckpoint() throws Exception {
            super.beforeCheckpoint();
            throw new IllegalStateException("socket still open");
          }
        });

    assertThatThrownBy(lifespan::beforeCheckpoint).hasMessage("socket still open");
    assertThat(events).containsExactly("broken checkpoint", "pool checkpoint");
  }

  @Test
  void aFailedCloseIsLoggedAndTheOthersStillClose() {
    Lifespan lifespan = new Lifespan();
    lifespan.manage(new Recording("pool"));
    lifespan.closeOnStop(
        () -> {
          events.add("client close");
          throw new IllegalStateException("already gone");
        });

    lifespan.close();

    assertThat(events).containsExactly("client close", "pool close");
    assertThatThrownBy(() -> lifespan.manage(new Recording("late")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ended");
  }

  @Test
  void aLocalServerClosesItsServersResourcesWhenItStops() throws Exception {
    Lifespan lifespan = new Lifespan();
    lifespan.manage(new Recording("pool"));
    McpServer server =
        McpServer.builder()
            .name("t")
            .discoverTools(false)
            .tools(new EchoPack())
            .lifespan(lifespan)
            .build();
    LocalMcpServer local = LocalMcpServer.start(server, 0);
    assertThat(events).isEmpty();

    local.close();

    assertThat(events).containsExactly("pool close");
  }

  @Test
  void primingCallsMustNameATool() {
    assertThatThrownBy(
            () ->
                McpServer.builder()
                    .name("t")
                    .discoverTools(false)
                    .tools(new EchoPack())
                    .primingCall("no_such_tool", "{}")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'no_such_tool'")
        .hasMessageContaining("echo");
    assertThatThrownBy(
            () ->
                McpServer.builder()
                    .name("t")
                    .discoverTools(false)
                    .tools(new EchoPack())
                    .primingCall("echo", "[1]")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON object");
  }

  private class Recording implements ManagedResource {
    private final String name;

    Recording(String name) {
      this.name = name;
    }

    @Override
    public void beforeCheckpoint() throws Exception {
      events.add(name + " checkpoint");
    }

    @Override
    public void afterRestore() {
      events.add(name + " restore");
    }

    @Override
    public void close() {
      events.add(name + " close");
    }
  }
}
