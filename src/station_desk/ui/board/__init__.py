"""The lobby job board (大厅招聘大屏): a full-screen window for the station's second monitor."""
