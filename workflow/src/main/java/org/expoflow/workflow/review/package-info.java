/** The board, figures, statistics, deadline lists and trend that leadership reviews ({@link org.expoflow.workflow.review.LeadershipReview}). */
package org.expoflow.workflow.review;
