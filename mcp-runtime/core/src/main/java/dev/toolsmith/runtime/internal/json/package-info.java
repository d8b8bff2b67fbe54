/**
 * JSON for Toolsmith, on Jackson's tree ({@code JsonNode}) and streaming ({@code JsonParser},
 * {@code JsonGenerator}) APIs.
 *
 * <p>No {@code ObjectMapper} is created anywhere on the request path or at start-up: building one
 * costs tens of milliseconds of class loading on a cold JVM, which Lambda users pay on every cold
 * start. Trees are built and written by {@link dev.toolsmith.runtime.internal.json.Json} directly.
 *
 * <p><b>Not API.</b> Public only so Toolsmith's own artifacts can reach it; anything here may
 * change in any release.
 */
package dev.toolsmith.runtime.internal.json;
