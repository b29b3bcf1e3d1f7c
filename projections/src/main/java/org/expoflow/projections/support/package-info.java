/**
 * What the projections share: time conversion, JSON columns, whether the read models are complete or being
 * rebuilt, their rebuild, and waiting for a tracking processor to catch up.
 */
package org.expoflow.projections.support;
