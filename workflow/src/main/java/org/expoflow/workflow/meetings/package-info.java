/** Coordination meetings, their reports, decisions and briefs ({@link org.expoflow.workflow.meetings.MeetingWork}), and their pages. */
package org.expoflow.workflow.meetings;
