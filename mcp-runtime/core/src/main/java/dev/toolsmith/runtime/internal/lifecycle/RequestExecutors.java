package dev.toolsmith.runtime.internal.lifecycle;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default executor for local requests and for the tasks a server runs in the background: a
 * virtual thread per request on JDK 21 and later, where a tool blocked on I/O costs no platform
 * thread; a bounded pool of daemon threads on JDK 17.
 *
 * <p>Toolsmith compiles for Java 17, so {@code Executors.newVirtualThreadPerTaskExecutor()} is
 * looked up once, when a local server starts, through a public method handle. This is not on the
 * Lambda path and not per request.
 */
public final class RequestExecutors {
  private static final int PLATFORM_THREADS = 32;

  private RequestExecutors() {}

  /** Returns an executor for local requests, whose platform threads are named toolsmith-http-N. */
  public static ExecutorService create() {
    return create("toolsmith-http-");
  }

  /** Returns an executor whose platform threads (JDK 17) are named with the prefix and a number. */
  public static ExecutorService create(String threadPrefix) {
    ExecutorService virtual = virtualThreads();
    return virtual != null ? virtual : platformThreads(threadPrefix);
  }

  private static ExecutorService virtualThreads() {
    try {
      MethodHandle factory =
          MethodHandles.publicLookup()
              .findStatic(
                  java.util.concurrent.Executors.class,
                  "newVirtualThreadPerTaskExecutor",
                  MethodType.methodType(ExecutorService.class));
      return (ExecutorService) factory.invokeExact();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    } catch (Throwable e) {
      throw new IllegalStateException("Could not create the virtual-thread executor", e);
    }
  }

  private static ExecutorService platformThreads(String threadPrefix) {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            PLATFORM_THREADS,
            PLATFORM_THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, threadPrefix + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
