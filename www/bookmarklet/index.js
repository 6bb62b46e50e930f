import { installBookmarklet } from './install.js';

installBookmarklet(document.getElementById('bookmarklet'));
