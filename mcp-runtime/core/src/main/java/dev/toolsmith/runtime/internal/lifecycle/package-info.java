/**
 * SnapStart priming: the requests a server answers through its Lambda handler before a snapshot.
 *
 * <p><b>Not API.</b> Public only for {@code toolsmith-lambda}; anything here may change in any
 * release.
 */
package dev.toolsmith.runtime.internal.lifecycle;
