/**
 * Test support for code that uses cachegen (the {@code cachegen-test} artifact, test scope): {@link
 * io.cachegen.test.TestCaches}, an isolated in-memory {@link io.cachegen.runtime.CacheHandler} to
 * construct generated classes with, and {@link io.cachegen.test.ManualTicker}, a ticker the test
 * moves by hand so that entries expire without sleeping. Framework-neutral: it depends on
 * cachegen-runtime alone, and works with JUnit, TestNG or a plain {@code main}.
 */
package io.cachegen.test;
