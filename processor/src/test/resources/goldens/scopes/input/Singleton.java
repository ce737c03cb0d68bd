package com.google.inject;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** A stand-in for Guice's own {@code @Singleton}. */
@ScopeAnnotation
@Retention(RetentionPolicy.RUNTIME)
public @interface Singleton {}
