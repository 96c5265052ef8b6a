"""What the command line prints and writes: text, Markdown, JSON, CSV, XLSX, iCalendar, JUnit, GitHub."""
