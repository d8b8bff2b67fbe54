package dev.toolsmith.runtime.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * Marks runtime API that generated code calls: tool packs already compiled against it must keep
 * working, so it must not be removed or changed incompatibly.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
public @interface UsedByGeneratedCode {}
