"""Bookroom Desk (职工书屋管理台): the workers' reading-room desk program."""

__version__ = "0.1.0"
APP_NAME = "BookroomDesk"
