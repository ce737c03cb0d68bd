package com.google.inject;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** A stand-in for Guice's scope meta-annotation, which is not on the test class path. */
@Retention(RetentionPolicy.RUNTIME)
public @interface ScopeAnnotation {}
