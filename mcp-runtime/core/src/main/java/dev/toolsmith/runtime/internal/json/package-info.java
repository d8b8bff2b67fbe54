/**
 * JSON for Toolsmith, on Jackson's tree ({@code JsonNode}) and streaming ({@code JsonParser},
 * {@code JsonGenerator}) APIs.
 *
 * <p>No {@code ObjectMapper} is created anywhere on the request path or at start-up: building one
 * costs tens of milliseconds of class loading on a cold JVM, which Lambda users pay on every cold
 * start. Trees are built and written by {@link dev.toolsmith.runtime.internal.json.Json} directly.
 */
package dev.toolsmith.runtime.internal.json;
