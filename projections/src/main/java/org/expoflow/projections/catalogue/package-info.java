/** Expos, their enrolled units and the directives issued to them; and the board built on them. */
package org.expoflow.projections.catalogue;
