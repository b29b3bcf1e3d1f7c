/**
 * What the projections share: time conversion, JSON columns, whether the read models are complete or being
 * rebuilt, and their rebuild.
 */
package org.expoflow.projections.support;
