/**
 * SnapStart priming (the requests a server answers through its Lambda handler before a snapshot)
 * and the executors local requests and background tasks run on.
 *
 * <p><b>Not API.</b> Public only for Toolsmith's own modules; anything here may change in any
 * release.
 */
package dev.toolsmith.runtime.internal.lifecycle;
