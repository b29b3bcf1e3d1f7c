/**
 * What the projections share: time conversion, JSON columns, and the read models' rebuild: where it stands, the
 * tables it fills beside the live ones, and the switch.
 */
package org.expoflow.projections.support;
