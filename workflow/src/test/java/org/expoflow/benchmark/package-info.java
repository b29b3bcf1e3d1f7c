/**
 * Benchmarks, run by hand from the README, never by the test suite: each compares ExpoFlow with a
 * baseline run side by side in the same run, on the same database, and prints ratios and percentiles.
 * {@link org.expoflow.benchmark.WritePathBenchmark} measures the write path against the plain Camunda
 * engine ({@link org.expoflow.benchmark.PlainCamundaApplication}) serving the same BPMN.
 */
package org.expoflow.benchmark;
