/**
 * Benchmarks, run by hand from the README, never by the test suite, and reporting percentiles with the
 * machine they ran on. {@link org.expoflow.benchmark.WritePathBenchmark} measures the write path against
 * its baseline run side by side on the same database, the plain Camunda engine
 * ({@link org.expoflow.benchmark.PlainCamundaApplication}) serving the same BPMN, and prints ratios.
 * {@link org.expoflow.benchmark.ProvinceScale} measures the read side on a province's history of about a
 * million events: the rebuild's rate, the queries' latencies and the heap, against the targets in the README.
 */
package org.expoflow.benchmark;
