/**
 * The board, figures, statistics, deadline lists and trend that leadership reviews ({@link org.expoflow.workflow.review.LeadershipReview}),
 * and the monthly ranking of units ({@link org.expoflow.workflow.review.UnitRanking}) with its notice (通报) and the
 * weights the office scores it by ({@link org.expoflow.workflow.review.RankingWeights}).
 */
package org.expoflow.workflow.review;
