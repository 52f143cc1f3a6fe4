import { render } from 'preact';
import { App } from './app';
import { applyLang, chooseLang } from './i18n/i18n';
import './styles.css';

// Before the first paint: the stored language's direction (the HTML says Hebrew, right to left).
applyLang(chooseLang());
render(<App />, document.getElementById('app')!);
