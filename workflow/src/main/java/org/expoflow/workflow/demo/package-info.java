/**
 * The embedded default's demo: the Osaka exhibition with Liaoning's fourteen cities and the Shenfu
 * Demonstration Zone enrolled, and the demo users; and the guard that keeps demo passwords out of production.
 */
package org.expoflow.workflow.demo;
