/** What the projections share: time conversion, JSON columns, and waiting for the projections to catch up. */
package org.expoflow.projections.support;
