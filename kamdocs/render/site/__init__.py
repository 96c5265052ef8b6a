"""The whole site: every account's pages, the dashboard, the calendar file, put together from pages and outputs."""
