/**
 * What leadership reviews: coordination meetings and their briefs, statistics per unit, overdue and
 * due-soon lists and trends, each as of any instant.
 */
package org.expoflow.projections.review;
