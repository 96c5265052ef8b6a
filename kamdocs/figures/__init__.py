"""Figures: derived figures, checklists, alerts, deadlines, assessments, the portfolio."""
