/** Figures reported by units (latest value per unit, directive and figure), against the directives' targets. */
package org.expoflow.projections.figures;
