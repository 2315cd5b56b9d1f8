"""hxdesk: the annual report on building a law-based government, for town and
street-office staff, written in forms and rendered in the official format."""

__version__ = "0.1.0"
